// The home page, rendered on each request: GREETING is read when the app runs, not when it
// is built (configuration comes from the environment: see env.example).
export const dynamic = "force-dynamic";

export default function Home() {
  return (
    <main>
      <h1>{process.env.GREETING || "hello"}</h1>
      <p>
        my-api is running. Health: <a href="/api/health">/api/health</a>
      </p>
    </main>
  );
}
