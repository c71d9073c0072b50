<#include "_common.ftl">

# Go: the binary is built inside the image
bin
dist
*.test
*.out
coverage.*
