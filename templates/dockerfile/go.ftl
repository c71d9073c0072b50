<#-- Go: a static binary built with the module cache warmed first, run from an empty (scratch) image -->
<#assign cmd = app.start?has_content?then(app.start, ["/app"])>
# ${generatedBy}
#
# ${app.name}: Go ${app.version}

# Build stage: modules first (cached until go.mod/go.sum change), then a static binary.
FROM golang:${app.version}-bookworm AS build
ENV CGO_ENABLED=0
WORKDIR /src
COPY go.* ./
RUN go mod download
COPY . .
<#-- build: the whole build command when set (init sets it when the main package is in cmd/NAME); it writes /out/app -->
<#if app.build?has_content>
RUN ${json(app.build)}
<#else>
RUN go build -trimpath -ldflags="-s -w" -o /out/app .
</#if>

# Runtime stage: nothing but the binary and the CA certificates for outgoing TLS.
FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/app /app
# nobody-style unprivileged uid: scratch has no /etc/passwd, so the user is numeric
USER 65532:65532
<#if app.port??>
EXPOSE ${app.port}
</#if>
<#if app.healthcheckPath??>
# No HEALTHCHECK: a scratch image has no shell and no HTTP client to probe ${app.healthcheckPath} with.
# Compose and 'devops up' wait for the container to run; add a probe mode to the binary if you need one.
</#if>
CMD ${json(cmd)}
