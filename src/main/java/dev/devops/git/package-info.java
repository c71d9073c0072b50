/**
 * Repository access through the {@code git} executable: the files of the working tree (tracked plus
 * untracked-not-ignored), the added lines of the staged diff, and the added lines of every commit in a
 * range. The executable, not JGit, was chosen by measurement (docs/BENCHMARKS.md): on a 2,000-commit
 * history {@code git log -p} took 0.11 s against JGit's 5.0 s, and a staged diff 0.01 s against JGit's
 * 0.7 s of class loading. Nothing here knows about linting.
 */
package dev.devops.git;
