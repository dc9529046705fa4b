# Non-Debian package managers: an openSUSE build stage with zypper (no clean), a Fedora stage with
# dnf (cleaned), a Rocky stage with yum (no clean); final image from the fedora stage.
FROM opensuse/leap:15.6 AS suse
RUN zypper install -y gcc make && zypper clean

FROM rockylinux:9 AS rocky
RUN yum install -y epel-release
RUN yum install -y jq

FROM fedora:41
RUN dnf install -y --setopt=install_weak_deps=False python3 jq && dnf clean all
COPY --from=rocky /usr/bin/jq /usr/local/bin/jq-rocky
CMD ["python3", "-m", "http.server", "8000"]
