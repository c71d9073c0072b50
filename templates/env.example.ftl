<#-- .env.example: every variable the stack reads, documented; secrets and derived values left empty -->
# ${generatedBy}
#
# Copy to .env (never commit .env) and fill in the empty values:
#   cp .env.example .env
# docker compose reads .env for the ${r"${VAR}"} references in docker-compose.yml.

# The compose project name (docker compose, docker-compose 1.29 and devops up read it from .env;
# without it they use the directory's name)
COMPOSE_PROJECT_NAME=${project.name}
<#list envExample as section>

# --- ${section.title} ---
<#list section.vars as v>
<#if v.description?has_content>
# ${v.description}
</#if>
<#if v.from??>
# set by docker-compose.yml inside the stack from service '${v.service}' (${v.from})
# from the host<#if !v.servicePublished> (after 'publish: true' on the service)</#if>: ${v.hostExample}
${v.name}=
<#elseif v.passThrough!false>
# optional<#if v.secret>, secret — never commit a value</#if>; passed to the app only when set (uncomment to set it)
# ${v.name}=
<#elseif v.required!false>
# required<#if v.secret>, secret — never commit a value</#if>
${v.name}=
<#elseif v.secret>
# secret — never commit a value
${v.name}=
<#elseif v.default??>
# optional; default: <#if v.default?has_content>${envValue(v.default)}<#else>empty</#if>
${v.name}=${envValue(v.default)}
<#else>
# optional
${v.name}=
</#if>
</#list>
</#list>
