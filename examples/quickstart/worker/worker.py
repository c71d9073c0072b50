"""Quickstart worker: pops jobs from a Redis list and logs them."""
import os

import redis

queue = os.environ.get("QUEUE_NAME", "jobs")
client = redis.Redis.from_url(os.environ["REDIS_URL"])


def main():
    print(f"worker waiting on {queue}", flush=True)
    while True:
        _, job = client.blpop(queue)
        print(f"job: {job.decode()}", flush=True)


if __name__ == "__main__":
    main()
