export const metadata = {
  title: "node-nextjs",
  description: "docker-scaffold e2e fixture",
};

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
