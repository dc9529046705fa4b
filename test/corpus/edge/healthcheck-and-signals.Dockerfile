# HEALTHCHECK variants (NONE, shell form with options, exec form, two healthchecks where only the
# last counts), STOPSIGNAL by name and number, several CMDs (only the last applies).
FROM redis:7.4-alpine AS base
HEALTHCHECK NONE

FROM base
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --start-interval=2s --retries=3 \
    CMD redis-cli ping | grep -q PONG
HEALTHCHECK CMD ["redis-cli", "ping"]
STOPSIGNAL 15
STOPSIGNAL SIGTERM
CMD ["redis-server"]
CMD ["redis-server", "--appendonly", "yes"]
ENTRYPOINT ["docker-entrypoint.sh"]
ENTRYPOINT docker-entrypoint.sh
