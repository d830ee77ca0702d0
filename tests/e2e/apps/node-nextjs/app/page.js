export default function Home() {
  return (
    <main>
      <h1>hello from node-nextjs</h1>
      <p>
        Health: <a href="/api/health">/api/health</a>. Static file: <a href="/hello.txt">/hello.txt</a>.
      </p>
    </main>
  );
}
