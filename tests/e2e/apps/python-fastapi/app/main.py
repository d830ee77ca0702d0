"""Minimal FastAPI app for docker-scaffold's end-to-end tests (served by uvicorn app.main:app)."""
import os

from fastapi import FastAPI

GREETING = os.environ.get("GREETING", "hello from python-fastapi")

app = FastAPI(title="python-fastapi")


@app.get("/")
def index() -> dict:
    return {"message": GREETING, "app": "python-fastapi"}


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


if __name__ == "__main__":
    # `python -m app.main`: same app on 0.0.0.0:$PORT without the uvicorn CLI.
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))
