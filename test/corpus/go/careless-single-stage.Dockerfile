# A one-stage Go image: golang:latest, source copied before modules are downloaded, the whole
# toolchain (~800 MB) shipped, `go run` at start-up, runs as root.
FROM golang:latest

WORKDIR /go/src/app
COPY . .

RUN go get -d -v ./...
RUN go install -v ./...

EXPOSE 8080
CMD go run main.go
