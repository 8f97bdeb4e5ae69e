# One image for every process of the platform; docker-compose.yml picks the command.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Production dependencies only: no embedded Postgres, no test tooling.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY workflows ./workflows
# The saved operations GraphiQL (/graphiql) opens as tabs.
COPY examples/operations ./examples/operations
USER node
EXPOSE 4000
# tsx runs the TypeScript sources directly: one code path in development and production.
CMD ["node", "--import", "tsx", "src/bin/api.ts"]
