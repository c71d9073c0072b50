package dev.devops.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.git.GitRepository;
import dev.devops.git.Revision;
import dev.devops.git.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version of an artifact, from a real git repository. */
@Tag("git")
class ArtifactVersionTest {
    @TempDir
    Path dir;

    private TestRepo repo() {
        TestRepo r = TestRepo.init(dir);
        r.write("app.txt", "one\n");
        r.commit("one");
        return r;
    }

    @Test
    void anExactSemverTagLosesItsV() {
        TestRepo r = repo();
        r.git("tag", "v1.4.2");
        ArtifactVersion v = ArtifactVersion.of(Revision.of(GitRepository.open(dir)));
        assertEquals("1.4.2", v.value());
        assertFalse(v.dirty());
    }

    @Test
    void withoutATagTheShortShaAndTheHighestOfSeveralTags() {
        TestRepo r = repo();
        String sha = r.git("rev-parse", "--short", "HEAD").trim();
        assertEquals(sha, ArtifactVersion.of(Revision.of(GitRepository.open(dir))).value());
        r.git("tag", "v1.9.0");
        r.git("tag", "v1.10.0");
        assertEquals("1.10.0", ArtifactVersion.of(Revision.of(GitRepository.open(dir))).value());
    }

    @Test
    void aTagIsMadeAValidImageTag() {
        assertEquals("release-2024-01", ArtifactVersion.fromTag("release/2024+01"));
        assertEquals("version2", ArtifactVersion.fromTag("version2"));
        assertEquals("2.0.0-rc.1", ArtifactVersion.fromTag("v2.0.0-rc.1"));
        assertTrue(ArtifactVersion.isValid("1.4.2") && !ArtifactVersion.isValid("../x") && !ArtifactVersion.isValid("-x"));
    }

    @Test
    void changesMakeItDirtyButDevopsOwnRecordsDoNot() {
        TestRepo r = repo();
        String sha = r.git("rev-parse", "--short", "HEAD").trim();
        r.write(".devops/artifacts/" + sha + ".json", "{}\n");
        ArtifactVersion clean = ArtifactVersion.of(Revision.of(GitRepository.open(dir)));
        assertEquals(sha, clean.value());
        r.write("new-file.txt", "untracked\n");
        ArtifactVersion dirty = ArtifactVersion.of(Revision.of(GitRepository.open(dir)));
        assertEquals(sha + "-dirty", dirty.value());
        assertTrue(dirty.dirty());
    }

    @Test
    void aProjectInASubdirectoryIgnoresDevopsRecordsButNotOtherChanges() throws Exception {
        TestRepo r = repo();
        r.write("services/shop/compose.yaml", "services: {}\n");
        r.commit("shop");
        String sha = r.git("rev-parse", "--short", "HEAD").trim();
        r.write("services/shop/.devops/artifacts/" + sha + ".json", "{}\n");
        Path shop = dir.resolve("services/shop");
        assertEquals(sha, ArtifactVersion.of(Revision.of(GitRepository.open(shop))).value());
        // another project's records neither; any other change anywhere in the repository does count
        r.write("services/admin/.devops/artifacts/other.json", "{}\n");
        r.write(".devops/artifacts/top.json", "{}\n");
        assertEquals(sha, ArtifactVersion.of(Revision.of(GitRepository.open(shop))).value());
        r.write("services/admin/main.go", "package main\n");
        assertEquals(List.of("services/admin/main.go"), ArtifactVersion.changes(Revision.of(GitRepository.open(shop))));
    }

    @Test
    void theRemoteUrlIsRecordedWithoutCredentials() {
        TestRepo r = repo();
        r.git("remote", "add", "origin", "https://ci-bot:" + "tok" + "en123@git.example.com/shop/app.git");
        Revision rev = Revision.of(GitRepository.open(dir));
        assertEquals("https://git.example.com/shop/app.git", rev.remoteUrl());
        assertNull(rev.exactTag());
    }
}
