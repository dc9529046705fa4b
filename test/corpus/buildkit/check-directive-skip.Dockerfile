# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended,StageNameCasing;error=true
# BuildKit's check directive: two checks skipped, the others turned into errors. The file still
# uses shell-form CMD and a mixed-case stage name (skipped), and `as` in lower case.
FROM golang:1.23 as Builder
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM debian:bookworm-slim
COPY --from=Builder /out/app /usr/local/bin/app
CMD app --serve
