# a developer's migration tool: its own knobs, not the app's configuration
import os

SOURCE_API_TOKEN = os.environ["SOURCE_API_TOKEN"]
TARGET_URL = os.environ["TARGET_URL"]
