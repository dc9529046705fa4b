# A data-science notebook image assembled over time: apt-get update in its own layer, build tools
# shipped, unpinned pip packages with cache, sudo, root user, a token-less Jupyter in shell form.
FROM ubuntu:22.04

ENV DEBIAN_FRONTEND=noninteractive

RUN apt-get update
RUN apt-get upgrade -y
RUN apt-get install -y python3 python3-pip python3-dev build-essential git wget curl sudo \
    libgl1-mesa-glx libglib2.0-0 graphviz

RUN pip3 install --upgrade pip
RUN pip3 install numpy pandas scipy scikit-learn matplotlib seaborn jupyterlab
RUN pip3 install torch torchvision --index-url https://download.pytorch.org/whl/cpu
RUN pip3 install xgboost lightgbm catboost

RUN wget https://github.com/jgm/pandoc/releases/download/3.1.11/pandoc-3.1.11-1-amd64.deb && dpkg -i pandoc-3.1.11-1-amd64.deb

RUN mkdir /notebooks
WORKDIR /notebooks
ADD notebooks/ /notebooks/
ADD https://raw.githubusercontent.com/example/datasets/main/iris.csv /data/iris.csv

RUN cd /notebooks && git clone https://github.com/example/course-material.git

EXPOSE 8888
CMD jupyter lab --ip=0.0.0.0 --allow-root --NotebookApp.token=''
