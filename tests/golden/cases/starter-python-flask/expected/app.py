"""my-api: the HTTP app (Flask).

The container serves it with gunicorn (the Dockerfile's CMD); `python app.py` runs
Flask's development server on 0.0.0.0:$PORT. Configuration comes from the environment
only: see env.example.
"""
import os

from flask import Flask, jsonify

# The message GET / returns.
GREETING = os.environ.get("GREETING", "hello")

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(message=GREETING, app="my-api")


@app.get("/health")
def health():
    """Liveness probe: the image's HEALTHCHECK calls it."""
    return jsonify(status="ok")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))
