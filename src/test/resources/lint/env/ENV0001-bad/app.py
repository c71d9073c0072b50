import os

# expect: ENV0001
token = os.environ["SECRET_TOKEN"]
