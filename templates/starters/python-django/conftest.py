"""pytest setup: Django reads its settings from the environment, as in the container;
the tests use a throwaway secret key (the real one lives in .env)."""
import os

import django
import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")
django.setup()


@pytest.fixture(scope="session", autouse=True)
def django_test_environment():
    """What Django's own test runner sets up: e.g. the test client's host is allowed."""
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    yield
    teardown_test_environment()
