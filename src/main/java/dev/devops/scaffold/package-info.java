/**
 * Renders the FreeMarker templates into a {@link dev.devops.scaffold.Plan} (create / update / unchanged /
 * conflict), writes it atomically, and answers "has this generated file drifted from devops.yaml?".
 */
package dev.devops.scaffold;
