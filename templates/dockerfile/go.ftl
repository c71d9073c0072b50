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
<#if app.healthcheck??>
# The healthcheck probe: scratch has no shell and no HTTP client, so a tiny static program (standard library
# only, built offline) does it: GET http://… passes below status 400; HOST:PORT passes when it connects.
WORKDIR /probe
RUN printf '%s\n' \
      'package main' \
      'import ("net"; "net/http"; "os"; "strings"; "time")' \
      'func main() {' \
      '	if strings.HasPrefix(os.Args[1], "http") {' \
      '		r, err := (&http.Client{Timeout: 4 * time.Second}).Get(os.Args[1])' \
      '		if err != nil || r.StatusCode >= 400 { os.Exit(1) }' \
      '		return' \
      '	}' \
      '	c, err := net.DialTimeout("tcp", os.Args[1], 4*time.Second)' \
      '	if err != nil { os.Exit(1) }' \
      '	c.Close()' \
      '}' > main.go \
    && go mod init probe && go build -trimpath -ldflags="-s -w" -o /out/healthcheck .
</#if>

# Runtime stage: nothing but the binary and the CA certificates for outgoing TLS.
FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/app /app
<#if app.files?has_content>
# Files the app opens at run time (config, migrations, templates), at the same paths relative to its working directory (/)
<#list app.files as f>
COPY --from=build ${json(["/src/" + f, "/" + f])}
</#list>
</#if>
<#if app.healthcheck??>
COPY --from=build /out/healthcheck /healthcheck
</#if>
# nobody-style unprivileged uid: scratch has no /etc/passwd, so the user is numeric
USER 65532:65532
<#if app.port??>
EXPOSE ${app.port}
</#if>
<#if app.healthcheck??>
HEALTHCHECK --interval=${app.healthcheck.interval} --timeout=${app.healthcheck.timeout} --start-period=${app.healthcheck.startPeriod} --retries=${app.healthcheck.retries} CMD ${json(app.healthcheck.test[1..])}
</#if>
CMD ${json(cmd)}
