"""What every test folder shares: ``from support.people import register``.

people            PASSWORD; one way to register someone
posts             one way to write a lesson or a story
programs          CHARTER; launch a program, plan and move cohorts, enroll, pair
apps              an in-memory application; another on the same event store
site              the same builders on a running site: they wait for its pages
web               forms with CSRF, pages, JSON errors, bearer tokens, signing in
cli               the `kshare` command on one installation
scenario          a realistic little program of commands (about fifty events)
dumps             every read-model row and library document, to compare builds
exports           a confidential sealed program; exports read back; copying a log
store             the event store's own table, behind kshare's back; schemas
previous_release  events stored exactly as the previous release wrote them

Builders take an application and return ids; the ``site`` ones take the
services of a running site and people as ``Person``, and wait until the read
models show what they wrote.
"""
