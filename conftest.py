from pytest_django.plugin import blocking_manager_key


def pytest_report_header(config):
    """Names the database the suite ran on, so a log says whether it was really PostgreSQL."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return f"database: {connection.vendor}"
    with config.stash[blocking_manager_key].unblock(), connection.cursor() as cursor:
        cursor.execute("show server_version")
        version = cursor.fetchone()[0]
    connection.close()
    return f"database: postgresql {version}"
