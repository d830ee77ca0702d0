"""my-api: a FastAPI app. The app object lives in app.main."""
