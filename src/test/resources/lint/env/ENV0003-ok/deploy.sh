#!/bin/sh
scp app "$DEPLOY_HOST:/srv"
