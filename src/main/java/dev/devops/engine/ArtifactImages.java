package dev.devops.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine operations of the deployment artifact: build an app image with its labels, tag, push
 * (with credentials given by the caller, never logged), save and load image archives. Failures are
 * {@link EngineException}s (exit 3); credentials never appear in their messages.
 */
public final class ArtifactImages {
    private final EngineClient client;
    private final EngineListener listener;

    public ArtifactImages(EngineClient client, EngineListener listener) {
        this.client = client;
        this.listener = listener;
    }

    private DockerClient docker() {
        return client.docker();
    }

    /**
     * Builds {@code service}'s image with {@code labels} added to the build's own, tags it {@code ref}
     * and returns the image id. {@code network} is the RUN steps' network (null: the engine default);
     * every file of the context is sent with the mtime {@code contextMtime} (epoch seconds: the commit's time).
     */
    public String build(String service, BuildSpec build, Path workingDir, String ref, Map<String, String> labels,
            String network, long contextMtime) {
        Map<String, String> all = new LinkedHashMap<>(build.labels());
        all.putAll(labels);
        BuildSpec labelled = new BuildSpec(build.context(), build.dockerfile(), build.args(), build.target(), all);
        listener.event(new ServiceEvent(service, null, ServiceState.BUILDING, "building " + ref));
        String id = new ImageBuilder(docker(), network, contextMtime).build(service, labelled, workingDir, ref, listener);
        listener.event(new ServiceEvent(service, null, ServiceState.BUILT, ref + " " + short12(id)));
        return id;
    }

    /** The image id {@code ref} names, or null when there is no such image. */
    public String imageId(String ref) {
        try {
            return DockerCalls.call("inspecting image " + ref, () -> docker().inspectImageCmd(ref).exec()).getId();
        } catch (EngineException e) {
            if (e.getCause() instanceof NotFoundException) {
                return null;
            }
            throw e;
        }
    }

    /** The labels of image {@code ref} (empty when it has none). */
    public Map<String, String> labels(String ref) {
        InspectImageResponse r = DockerCalls.call("inspecting image " + ref, () -> docker().inspectImageCmd(ref).exec());
        Map<String, String> l = r.getConfig() == null ? null : r.getConfig().getLabels();
        return l == null ? Map.of() : l;
    }

    /** The registry digests the engine knows for image {@code ref} ({@code repo@sha256:…}). */
    public List<String> repoDigests(String ref) {
        InspectImageResponse r = DockerCalls.call("inspecting image " + ref, () -> docker().inspectImageCmd(ref).exec());
        return r.getRepoDigests() == null ? List.of() : r.getRepoDigests();
    }

    /** Tags {@code image} (an id or reference) as {@code repository:tag}. */
    public void tag(String image, String repository, String tag) {
        DockerCalls.call("tagging " + image + " as " + repository + ":" + tag, () -> {
            docker().tagImageCmd(image, repository, tag).withForce().exec();
            return null;
        });
    }

    /**
     * Pushes {@code repository:tag} and returns the manifest digest the registry answered with.
     * {@code user}/{@code password} may be null (anonymous push).
     */
    public String push(String repository, String tag, String registryHost, String user, String password) {
        String what = repository + ":" + tag;
        AuthConfig auth = new AuthConfig().withRegistryAddress(registryHost);
        if (user != null) {
            auth = auth.withUsername(user).withPassword(password);
        }
        PushCollector c = new PushCollector();
        try {
            docker().pushImageCmd(repository).withTag(tag).withAuthConfig(auth).exec(c).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("push of " + what + " interrupted", e);
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            if (c.error == null) {
                c.error = EngineClient.rootMessage(e);
            }
        }
        if (c.error != null) {
            throw new EngineException("push of " + what + " failed: " + redact(c.error, password)
                    + ": check that the registry " + registryHost + " is running and reachable from the Docker engine, "
                    + "and the credentials (~/.docker/config.json or DEVOPS_REGISTRY_USER/_PASSWORD)");
        }
        if (c.digest == null) {
            for (String d : repoDigests(what)) {
                if (d.startsWith(repository + "@")) {
                    c.digest = d.substring(repository.length() + 1);
                }
            }
        }
        if (c.digest == null) {
            throw new EngineException("push of " + what + " finished without a digest from the registry");
        }
        return c.digest;
    }

    /** Pulls {@code ref} ({@code repo@sha256:…}) with the given credentials (null: anonymous). */
    public void pull(String ref, String registryHost, String user, String password) {
        AuthConfig auth = new AuthConfig().withRegistryAddress(registryHost);
        if (user != null) {
            auth = auth.withUsername(user).withPassword(password);
        }
        try {
            docker().pullImageCmd(ref).withAuthConfig(auth).exec(new com.github.dockerjava.api.command.PullImageResultCallback())
                    .awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("pull of " + ref + " interrupted", e);
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EngineException("pull of " + ref + " failed: " + redact(EngineClient.rootMessage(e), password)
                    + ": check that the registry " + registryHost + " is reachable from the Docker engine, and the credentials");
        }
    }

    /** Writes {@code refs} as one {@code docker save} archive to {@code out}. */
    public void save(List<String> refs, OutputStream out) {
        DockerCalls.call("saving " + String.join(", ", refs), () -> {
            var cmd = docker().saveImagesCmd();
            for (String r : refs) {
                int colon = r.lastIndexOf(':');
                cmd = cmd.withImage(r.substring(0, colon), r.substring(colon + 1));
            }
            try (InputStream in = cmd.exec()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new EngineException("saving " + String.join(", ", refs) + " failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Loads a {@code docker save} archive into the engine. */
    public void load(InputStream archive) {
        DockerCalls.call("loading the image archive", () -> {
            docker().loadImageCmd(archive).exec();
            return null;
        });
    }

    static String redact(String text, String secret) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "****");
    }

    private static String short12(String id) {
        String s = id.replace("sha256:", "");
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    private static final class PushCollector extends ResultCallback.Adapter<PushResponseItem> {
        volatile String error;
        volatile String digest;

        @Override
        @SuppressWarnings("deprecation") // getError(): the only text some engine errors carry
        public void onNext(PushResponseItem item) {
            if (item.getAux() != null && item.getAux().getDigest() != null) {
                digest = item.getAux().getDigest();
            }
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
            }
        }
    }
}
