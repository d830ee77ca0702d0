"""python-fastapi e2e fixture: the FastAPI app lives in app.main."""
