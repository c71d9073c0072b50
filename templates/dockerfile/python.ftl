<#-- Python: packages installed under /install in a build stage, copied into the runtime image's /usr/local -->
<#assign image = "python:" + app.version + "-slim">
<#if app.start?has_content>
  <#assign cmd = app.start>
<#elseif app.framework == "flask">
  <#assign cmd = ["python", "-m", "gunicorn", "--bind", "0.0.0.0:" + (app.port!"8000"), "app:app"]>
<#elseif app.framework == "fastapi">
  <#assign cmd = ["python", "-m", "uvicorn", "main:app", "--host", "0.0.0.0", "--port", app.port!"8000"]>
<#elseif app.framework == "django">
  <#assign cmd = ["python", "manage.py", "runserver", "0.0.0.0:" + (app.port!"8000"), "--noreload"]>
<#else>
  <#assign cmd = ["python", "main.py"]>
</#if>
# ${generatedBy}
#
# ${app.name}: Python ${app.version} (${app.buildTool}<#if app.framework?has_content>, ${app.framework}</#if>)

# Build stage: dependencies first (cached until the manifests change), installed under /install.
FROM ${image} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
ENV PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
<#-- no lockfile (init warns): the tool resolves the versions in the build instead of copying a file that does not exist -->
<#if app.buildTool == "poetry">
COPY pyproject.toml<#if !app.noLockfile??> poetry.lock</#if> ./
RUN pip install --no-cache-dir poetry poetry-plugin-export \
<#if app.noLockfile??>
    && poetry lock \
</#if>
    && poetry export --only main --without-hashes --format requirements.txt --output requirements.txt
<#elseif app.buildTool == "uv">
COPY pyproject.toml<#if !app.noLockfile??> uv.lock</#if> ./
RUN pip install --no-cache-dir uv \
    && uv export<#if !app.noLockfile??> --frozen</#if> --no-dev --no-hashes --no-emit-project --output-file requirements.txt
<#elseif app.buildTool == "pipenv">
COPY Pipfile<#if !app.noLockfile??> Pipfile.lock</#if> ./
RUN pip install --no-cache-dir pipenv && <#if app.noLockfile??>pipenv lock && </#if>pipenv requirements > requirements.txt
<#elseif (app.pipManifest!"requirements.txt") == "pyproject.toml">
<#assign toml = app.version?matches("3\\.([0-9]|10)(\\..*)?")?then("tomli", "tomllib")>
# no requirements.txt: the [project] dependencies of pyproject.toml
COPY pyproject.toml ./
RUN <#if toml == "tomli">pip install --no-cache-dir tomli && </#if>python -c 'import ${toml} as t; print("\n".join(t.load(open("pyproject.toml", "rb")).get("project", {}).get("dependencies", [])))' > requirements.txt
<#else>
COPY requirements.txt ./
</#if>
RUN mkdir -p /install && pip install --no-cache-dir --prefix=/install -r requirements.txt
<#if app.build?has_content>
COPY . .
RUN ${json(app.build)}
</#if>

# Runtime stage
FROM ${image}
ENV PYTHONDONTWRITEBYTECODE=1
ENV PYTHONUNBUFFERED=1
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /install /usr/local
<#if app.build?has_content>
COPY --from=build /build ./
<#else>
COPY . .
</#if>
USER app
<#if app.port??>
EXPOSE ${app.port}
</#if>
<#if app.healthcheck??>
HEALTHCHECK --interval=${app.healthcheck.interval} --timeout=${app.healthcheck.timeout} --start-period=${app.healthcheck.startPeriod} --retries=${app.healthcheck.retries} CMD ${json(app.healthcheck.test[1..])}
</#if>
CMD ${json(cmd)}
