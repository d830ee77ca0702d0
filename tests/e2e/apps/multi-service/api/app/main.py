"""The Python API of the multi-service repository (uvicorn, 4 workers) for docker-scaffold's e2e tests.

/health answers without the backing services; /deps connects to PostgreSQL and Redis with the
URLs compose passes (DATABASE_URL, REDIS_URL: made by `make secrets` from ./secrets/)."""
import os

import psycopg2
import redis
from fastapi import FastAPI

app = FastAPI()
GREETING = os.environ.get("GREETING", "hello from api")


@app.get("/")
def index():
    return {"message": GREETING, "app": "api", "pid": os.getpid()}


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/deps")
def deps():
    with psycopg2.connect(os.environ["DATABASE_URL"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT current_user, version()")
        user, version = cur.fetchone()
    pong = redis.Redis.from_url(os.environ["REDIS_URL"]).ping()
    return {"postgres_user": user, "postgres": version.split(",")[0], "redis": pong}
