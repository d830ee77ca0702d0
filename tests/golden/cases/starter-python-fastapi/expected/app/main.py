"""my-api: the HTTP app (FastAPI).

The container serves it with uvicorn (the Dockerfile's CMD); `python -m app.main` serves
the same app on 0.0.0.0:$PORT for development. Configuration comes from the environment
only: see env.example.
"""
import os

from fastapi import FastAPI

# The message GET / returns.
GREETING = os.environ.get("GREETING", "hello")

app = FastAPI(title="my-api")


@app.get("/")
def index() -> dict:
    return {"message": GREETING, "app": "my-api"}


@app.get("/health")
def health() -> dict:
    """Liveness probe: the image's HEALTHCHECK calls it."""
    return {"status": "ok"}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))
