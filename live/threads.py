"""The ORM from the server's event loop: in the shared thread pool, on a connection closed right
after, so an open stream holds no database connection while it waits (the process's one LISTEN
connection feeds it)."""

from asgiref.sync import sync_to_async
from django.db import connection


async def db(function, *args):
    """Run `function(*args)` in the shared thread pool, and close its connection after."""

    def run():
        try:
            return function(*args)
        finally:
            connection.close()

    return await sync_to_async(run, thread_sensitive=False)()
