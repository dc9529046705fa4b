# A Streamlit dashboard: installs with pip --user as a non-root user, requirements copied first,
# but the apt layer keeps its lists and pip caches are not disabled.
FROM python:3.12-slim

RUN apt-get update && apt-get install -y --no-install-recommends git

RUN useradd -m -u 1000 streamlit
USER streamlit
ENV PATH="/home/streamlit/.local/bin:${PATH}"
WORKDIR /home/streamlit/app

COPY --chown=streamlit requirements.txt .
RUN pip install --user -r requirements.txt

COPY --chown=streamlit . .

EXPOSE 8501
HEALTHCHECK CMD curl --fail http://localhost:8501/_stcore/health
ENTRYPOINT ["streamlit", "run", "Home.py", "--server.port=8501", "--server.address=0.0.0.0"]
