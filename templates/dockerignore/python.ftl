<#include "_common.ftl">

# Python: packages are installed inside the image
**/__pycache__
**/*.py[cod]
.venv
venv
.python-version
.pytest_cache
.mypy_cache
.ruff_cache
.tox
.coverage
htmlcov
*.egg-info
dist
build
