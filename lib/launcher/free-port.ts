// A free TCP port on the loopback interface, chosen by the operating system. `avoid` skips
// ports that something else here may want (the benchmark keeps clear of the ports people run
// the app on).
import net from "node:net";

export function freePort(avoid: (port: number) => boolean = () => false): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => (avoid(port) ? freePort(avoid).then(resolve, reject) : resolve(port)));
    });
  });
}
