"""Keys, passwords and the OS credential store.

- ``passwords``: the password policy and Argon2id key derivation.
- ``recovery_code``: the human-friendly recovery code (with a typo check).
- ``keys``: the data key and the key-slot file that wraps it, one slot per account
  plus one for the recovery code, and the failed-sign-in counters that live with them.
- ``keystore``: the optional "bind to this computer" secret in the OS keyring.
"""
