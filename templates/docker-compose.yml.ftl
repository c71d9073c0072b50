<#-- docker-compose.yml: the apps built from this repository and their backing services -->
<#macro healthcheck hc>
    healthcheck:
      test: [<#list hc.test as t>${yaml(dollar(t))}<#sep>, </#sep></#list>]
      interval: ${hc.interval}
      timeout: ${hc.timeout}
      retries: ${hc.retries}
      start_period: ${hc.startPeriod}
</#macro>
# ${generatedBy}
#
# Secrets come from .env (see .env.example); ports are published on 127.0.0.1 only.
# Valid for docker-compose 1.29 and Compose v2, so there is no top-level 'name:' (1.29 rejects it): the
# project name is COMPOSE_PROJECT_NAME (.env.example sets it to ${project.name}), else the directory's name.

services:
<#list apps as app>
  ${app.name}:
    build:
      context: ${yaml(app.context)}
      dockerfile: ${app.dockerfile}
    init: true
    restart: unless-stopped
    security_opt:
      - "no-new-privileges:true"
<#if app.port??>
    ports:
      - "127.0.0.1:${app.hostPort}:${app.port}"
</#if>
<#if app.env?has_content>
    environment:
<#list app.env as v>
<#if v.passThrough!false>
      ${v.name}:
<#else>
      ${v.name}: ${yaml(v.compose)}
</#if>
</#list>
</#if>
<#if app.dependsOn?has_content>
    depends_on:
<#list app.dependsOn as dep>
      ${dep.name}:
        condition: ${dep.condition}
</#list>
</#if>
<#if app.healthcheck??>
<@healthcheck app.healthcheck/>
</#if>
<#if app.migrate??>
<#assign mg = app.migrate>

  <#-- the database migration step: runs once and exits; the app and its processes wait for it to succeed -->
  ${mg.service}:
<#if mg.image??>
    image: ${yaml(mg.image)}
<#else>
    build:
      context: ${yaml(app.context)}
      dockerfile: ${app.dockerfile}
<#if mg.target??>
      target: ${mg.target}
</#if>
</#if>
    command: [<#list mg.command as c>${yaml(c)}<#sep>, </#sep></#list>]
    init: true
    restart: "no"
    security_opt:
      - "no-new-privileges:true"
<#if mg.mount??>
    volumes:
      - ${yaml(mg.mount + ":/migrations:ro")}
</#if>
<#if !mg.image?? && app.env?has_content>
    environment:
<#list app.env as v>
<#if v.passThrough!false>
      ${v.name}:
<#else>
      ${v.name}: ${yaml(v.compose)}
</#if>
</#list>
</#if>
<#if mg.dependsOn?has_content>
    depends_on:
<#list mg.dependsOn as dep>
      ${dep.name}:
        condition: ${dep.condition}
</#list>
</#if>
<#if !mg.image?? && app.healthcheck??>
    healthcheck:
      disable: true
</#if>
</#if>
<#list app.processes as p>

  <#-- another process of the app (worker, scheduler): the app's image with its own command, no port -->
  ${p.service}:
    build:
      context: ${yaml(app.context)}
      dockerfile: ${app.dockerfile}
    command: [<#list p.command as c>${yaml(dollar(c))}<#sep>, </#sep></#list>]
    init: true
    restart: unless-stopped
    security_opt:
      - "no-new-privileges:true"
<#if app.env?has_content>
    environment:
<#list app.env as v>
<#if v.passThrough!false>
      ${v.name}:
<#else>
      ${v.name}: ${yaml(v.compose)}
</#if>
</#list>
</#if>
<#if app.dependsOn?has_content>
    depends_on:
<#list app.dependsOn as dep>
      ${dep.name}:
        condition: ${dep.condition}
</#list>
</#if>
<#if app.healthcheck??>
    healthcheck:
      disable: true
</#if>
</#list>
<#sep>

</#sep>
</#list>
<#list services as s>

  ${s.name}:
    image: ${s.image}
    restart: unless-stopped
<#if s.command?has_content>
    command: [<#list s.command as c>${yaml(dollar(c))}<#sep>, </#sep></#list>]
</#if>
<#if s.env?has_content>
    environment:
<#list s.env as v>
      ${v.name}: ${yaml(v.compose)}
</#list>
</#if>
<#if s.volume??>
    volumes:
      - ${s.volume}:${s.dataPath}
</#if>
<#if s.publish>
    ports:
      - "127.0.0.1:${s.port}:${s.port}"
</#if>
    healthcheck:
      test: [<#list s.healthcheck.test as t>${yaml(t)}<#sep>, </#sep></#list>]
      interval: ${s.healthcheck.interval}
      timeout: ${s.healthcheck.timeout}
      retries: ${s.healthcheck.retries}
      start_period: ${s.healthcheck.startPeriod}
</#list>
<#if volumes?has_content>

volumes:
<#list volumes as v>
  ${v}:
</#list>
</#if>
