# An older Rails 5 app: nodejs and yarn from apt without cleanup, apt-get update split from
# install, whole app copied before bundle install, development gems installed, root, shell CMD.
FROM ruby:2.7

RUN apt-get update -qq
RUN apt-get install -y build-essential libpq-dev nodejs
RUN curl -sS https://dl.yarnpkg.com/debian/pubkey.gpg | apt-key add -
RUN echo "deb https://dl.yarnpkg.com/debian/ stable main" | tee /etc/apt/sources.list.d/yarn.list
RUN apt-get update && apt-get install yarn

RUN mkdir /myapp
WORKDIR /myapp
COPY . /myapp
RUN gem install bundler
RUN bundle install
RUN yarn install --check-files

EXPOSE 3000
CMD bundle exec rails s -p 3000 -b '0.0.0.0'
