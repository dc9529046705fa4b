# ARGs declared before the first FROM pick base images and tags; they must be re-declared inside a
# stage to be used there. One ARG is used in a stage without re-declaring it (a common bug).
ARG BASE_IMAGE=python
ARG PYTHON_VERSION=3.12
ARG DISTRO=slim-bookworm
ARG APP_VERSION=1.4.2

FROM ${BASE_IMAGE}:${PYTHON_VERSION}-${DISTRO} AS build
ARG APP_VERSION
RUN pip wheel --no-cache-dir --wheel-dir /wheels "acme-app==${APP_VERSION}"

FROM ${BASE_IMAGE}:${PYTHON_VERSION}-${DISTRO}
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
LABEL org.opencontainers.image.version="${APP_VERSION}"
CMD ["acme-app"]
