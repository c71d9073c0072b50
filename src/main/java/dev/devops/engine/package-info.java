/**
 * Docker Engine API (docker-java): plan (desired vs running, by config hash) then apply: build,
 * networks, volumes, containers in dependency order, health waits, log multiplexing. Never prints:
 * it reports to an {@link dev.devops.engine.EngineListener}. Containers, networks and volumes carry
 * docker compose's {@code com.docker.compose.*} labels so compose and devops see each other's stacks.
 */
package dev.devops.engine;
