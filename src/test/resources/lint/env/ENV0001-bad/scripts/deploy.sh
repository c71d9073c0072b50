#!/bin/sh
set -e
TARGET=prod
# expect: ENV0001
ssh "$DEPLOY_HOST" "echo $TARGET $HOME"
