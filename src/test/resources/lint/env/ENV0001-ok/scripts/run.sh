#!/bin/bash
export LOCAL_DIR=/tmp
for NAME in a b; do echo "$NAME $LOCAL_DIR $PATH"; done
echo '$NOT_A_READ'
read -r ANSWER
echo "$ANSWER ${PORT}"
