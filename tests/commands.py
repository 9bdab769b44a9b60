"""Management commands run in the test process, as a script would run them."""

from io import StringIO

from django.core.management import call_command


def run_command(*args, **options) -> tuple[str, str]:
    """Run the command `args` and give back what it wrote: (stdout, stderr)."""
    stdout, stderr = StringIO(), StringIO()
    call_command(*args, stdout=stdout, stderr=stderr, **options)
    return stdout.getvalue(), stderr.getvalue()
