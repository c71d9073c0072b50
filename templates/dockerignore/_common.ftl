<#-- Shared by every stack's .dockerignore: keep secrets, VCS data and local clutter out of the build context -->
# ${generatedBy}
#
# Keeps the build context small and keeps local secrets out of every image layer.
# Patterns match from the context root; **/ matches in every directory.
# (Dockerfile and .dockerignore stay in the context: some builders refuse to build without them.)

# version control
.git
.gitignore
.gitattributes

# local environment files hold secrets; .env.example is only documentation
**/.env
**/.env.*
!**/.env.example
**/*.pem
**/*.key

# compose files describe the stack, not the image
docker-compose*.yml
docker-compose*.yaml
compose*.yml
compose*.yaml

# editors, OS files, logs
.idea
.vscode
*.iml
**/*.swp
**/.DS_Store
**/*.log
