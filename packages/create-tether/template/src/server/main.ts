/** `npm start`: the game server on PORT (default 8081). */
import { startGameServer } from "./game-server.js";

const port = Number(process.env.PORT ?? 8081);
startGameServer(port).then(
  (g) => {
    console.log(`listening ${g.url}`);
    const stop = () => void g.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  },
  (e: unknown) => {
    const code = (e as { code?: string }).code;
    console.error(code === "EADDRINUSE" ? `port ${port} is taken; set PORT` : `could not start: ${String(e)}`);
    process.exit(1);
  },
);
