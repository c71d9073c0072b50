#!/bin/sh
set -e
TARGET=prod
# a tooling script reads its own knobs: not app configuration, so not ENV0001
ssh "$DEPLOY_HOST" "echo $TARGET $HOME"
