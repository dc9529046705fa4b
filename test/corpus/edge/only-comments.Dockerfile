# This Dockerfile was emptied during a refactor; the real one moved to docker/app.Dockerfile.
#
# FROM node:18
# RUN npm ci
#
#   (left for reference)
