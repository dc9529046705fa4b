# A Jekyll documentation site: gems installed in a build stage, `jekyll build` output served
# with nginx alpine.
FROM ruby:3.2-bookworm AS site
WORKDIR /srv/jekyll
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local without 'development' && bundle install
COPY . .
RUN JEKYLL_ENV=production bundle exec jekyll build -d /site

FROM nginx:1.27-alpine
COPY --from=site /site /usr/share/nginx/html
