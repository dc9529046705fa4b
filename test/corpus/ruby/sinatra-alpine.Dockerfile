# A small Sinatra API on alpine: build-base as a virtual package removed after bundle install,
# bundler configured for deployment without dev/test groups.
FROM ruby:3.3-alpine3.20

ENV BUNDLE_WITHOUT="development:test" BUNDLE_FROZEN=true
WORKDIR /app

COPY Gemfile Gemfile.lock ./
RUN apk add --no-cache --virtual .gem-build build-base \
    && bundle install --jobs 4 \
    && apk del .gem-build

COPY config.ru app.rb ./
COPY lib ./lib

RUN adduser -D sinatra
USER sinatra
EXPOSE 9292
CMD ["bundle", "exec", "puma", "-p", "9292"]
