# a template that renders a Dockerfile is not one
FROM node:18-alpine
