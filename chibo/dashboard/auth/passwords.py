"""Password hashing with argon2id (argon2-cffi), and the password rules."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
_hasher = PasswordHasher()  # argon2id, RFC 9106 low-memory profile
_DUMMY = _hasher.hash("not a password of anybody")


def hash_password(password: str) -> str:
    problem = check_rules(password)
    if problem:
        raise ValueError(problem)
    return _hasher.hash(password)


def check_rules(password: str) -> str | None:
    """A bilingual message when the password is too weak, else None."""
    if len(password) < MIN_LENGTH:
        return (f"Mật khẩu cần ít nhất {MIN_LENGTH} ký tự / "
                f"the password needs at least {MIN_LENGTH} characters")
    return None


def verify(stored: str | None, password: str) -> bool:
    """True when `password` matches; an unknown user is checked against a dummy hash so the
    answer takes as long either way (no user enumeration by timing)."""
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher.check_needs_rehash(stored)
