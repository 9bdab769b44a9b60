"""How passwords are stored: Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).

Django's default, PBKDF2 at 1,000,000 iterations, costs 0.58 s of CPU per login on our 2-core
reference machine: 50 teammates logging in within 15 s kept both cores busy hashing and every
other request waited (docs/benchmarks.md, load test). Argon2id at these settings costs 42 ms
and, being memory-hard, resists GPU guessing better than PBKDF2 does (OWASP Password Storage
Cheat Sheet). Older PBKDF2 hashes still verify and are rehashed at the next login.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
