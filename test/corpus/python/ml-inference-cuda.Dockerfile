# A GPU inference server on the CUDA runtime image: python from apt, torch with a CUDA wheel index,
# model weights baked in from a URL with ADD, no pip cache, but runs as root.
FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04

ARG DEBIAN_FRONTEND=noninteractive
ENV PYTHONUNBUFFERED=1 HF_HOME=/models/hf

RUN apt-get update && apt-get install -y --no-install-recommends \
        python3.11 python3.11-venv python3-pip \
        libgomp1 \
    && rm -rf /var/lib/apt/lists/* \
    && ln -sf /usr/bin/python3.11 /usr/local/bin/python

COPY requirements.txt /tmp/requirements.txt
RUN python -m pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cu124 \
        torch==2.5.1 \
    && python -m pip install --no-cache-dir -r /tmp/requirements.txt

ADD https://example-models.s3.amazonaws.com/resnet50/model.onnx /models/resnet50.onnx

WORKDIR /srv
COPY server/ ./server/

EXPOSE 9000
CMD ["python", "-m", "server", "--model", "/models/resnet50.onnx", "--port", "9000"]
