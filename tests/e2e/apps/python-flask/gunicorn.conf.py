# Read by `gunicorn app:app` from the working directory. Command-line flags and
# GUNICORN_CMD_ARGS take precedence over these defaults.
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = "-"
